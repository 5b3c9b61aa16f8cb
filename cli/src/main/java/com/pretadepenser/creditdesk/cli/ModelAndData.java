package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.session.Session;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --model and --data options of the commands that apply a model to a dataset. */
final class ModelAndData {
    @Option(names = "--model", required = true, description = "Model folder (model.txt and model-card.json).")
    Path model;

    @Option(names = "--data", required = true, description = "A local dataset or a folder of Kaggle-layout CSVs.")
    Path data;

    /** The dataset opened with the model, a folder of CSVs read with a progress bar. */
    Session open() {
        return Session.open(data, model, Progress::read);
    }
}
