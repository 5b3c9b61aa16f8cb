package com.pretadepenser.creditdesk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --model and --data options of the commands that apply a model to a dataset. */
final class ModelAndData {
    @Option(names = "--model", required = true, description = "Model folder (model.txt and model-card.json).")
    Path model;

    @Option(names = "--data", required = true, description = "A local dataset or a folder of Kaggle-layout CSVs.")
    Path data;
}
