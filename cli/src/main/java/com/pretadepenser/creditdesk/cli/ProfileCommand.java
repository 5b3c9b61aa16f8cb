package com.pretadepenser.creditdesk.cli;

import com.pretadepenser.creditdesk.engine.data.HomeCreditData;
import com.pretadepenser.creditdesk.engine.data.HomeCreditFolder;
import com.pretadepenser.creditdesk.engine.synth.HomeCreditProfile;
import com.pretadepenser.creditdesk.engine.synth.ProfileBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Measure the generator profile (quantiles, missing rates, category frequencies; no rows) "
                + "on a folder of labelled Kaggle CSVs.")
final class ProfileCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "Folder of Kaggle-layout CSV files with application_train.csv.")
    Path from;

    @Option(names = "--out", required = true, description = "Profile JSON file to write.")
    Path out;

    @Override
    public Integer call() {
        HomeCreditData data = HomeCreditFolder.scan(from).read();
        HomeCreditProfile profile = new ProfileBuilder().build(data, from.getFileName().toString());
        profile.write(out);
        System.out.printf("profile of %d labelled applicants written to %s%n", data.rowCount(com.pretadepenser.creditdesk.engine.data.HomeCreditTable.APPLICATION_TRAIN), out);
        return 0;
    }
}
