package com.pretadepenser.creditdesk.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pretadepenser.creditdesk.engine.RecordingMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HomeCreditFolderTest {
    private record Read(List<HomeCreditTable> order, Map<HomeCreditTable, Table> tables, HomeCreditFolder.Checks checks,
                        RecordingMonitor progress) {
    }

    private static Read read(HomeCreditFolder folder, int atOnce) {
        List<HomeCreditTable> order = new ArrayList<>();
        Map<HomeCreditTable, Table> tables = new LinkedHashMap<>();
        RecordingMonitor progress = new RecordingMonitor();
        HomeCreditFolder.Checks checks = folder.stream(progress, (table, frame) -> {
            order.add(table);
            tables.put(table, frame);
        }, atOnce);
        return new Read(order, tables, checks, progress);
    }

    private static HomeCreditFolder genuineFolder() {
        RealData.assumeAvailable(java.nio.file.Files.isDirectory(RealData.folder()) ? null
                : "the genuine sample's tables are the folder read; " + RealData.folder() + " is absent");
        return HomeCreditFolder.scan(RealData.folder());
    }

    @Test
    void twoFilesAtOnceGiveWhatOneAtATimeGivesInTheSameOrder() {
        HomeCreditFolder folder = genuineFolder();
        Read serial = read(folder, 1);
        Read parallel = read(folder, 2);

        assertEquals(List.copyOf(folder.files().keySet()), serial.order(), "parents before children, in the folder's order");
        assertEquals(serial.order(), parallel.order());
        assertEquals(serial.checks(), parallel.checks(), "the same orphans and notes");
        long upTo = 0;
        for (HomeCreditTable table : serial.order()) {
            Table a = serial.tables().get(table);
            Table b = parallel.tables().get(table);
            assertEquals(a.columnNames(), b.columnNames(), table.fileName());
            for (String column : a.columnNames()) {
                assertEquals(a.column(column).asList(), b.column(column).asList(), table.fileName() + "." + column);
            }
            long size = folder.files().get(table).toFile().length();
            upTo += size;
            // One file at a time: the bytes read when a file's last report comes are those of the files up to it.
            long lastOfTable = serial.progress().reports().stream().filter(r -> r.message().equals(table.fileName()))
                    .mapToLong(RecordingMonitor.Report::done).max().orElseThrow();
            assertEquals(upTo, lastOfTable, "progress reaches each file's size: " + table.fileName());
            assertTrue(parallel.progress().reports().stream().anyMatch(r -> r.message().equals(table.fileName())), table.fileName());
        }
        for (Read read : List.of(serial, parallel)) {
            assertEquals(upTo, read.progress().last().done(), "all the bytes read");
            assertEquals(upTo, read.progress().last().total());
            assertTrue(read.progress().doneNeverGoesBack());
        }
        assertTrue(serial.order().size() >= 7, "the sample has the seven tables: " + serial.order());
    }

    @Test
    void childTablesParsedStraightIntoTheirStoredWidthsHoldWhatTheTablesawReadHolds() {
        HomeCreditFolder folder = genuineFolder();
        Read tablesaw = read(folder, 1);

        HomeCreditData compact = folder.read();

        int children = 0;
        for (HomeCreditTable table : tablesaw.order()) {
            if (table.isApplication()) {
                continue;
            }
            children++;
            CompactTable expected = ColumnarTableFile.compact(tablesaw.tables().get(table));
            CompactTable actual = compact.compact(table).orElseThrow();
            assertEquals(expected.rowCount(), actual.rowCount(), table.fileName());
            assertEquals(expected.columnNames(), actual.columnNames(), table.fileName());
            for (String column : expected.columnNames()) {
                String where = table.fileName() + "." + column;
                assertEquals(expected.isText(column), actual.isText(column), where);
                for (int row = 0; row < expected.rowCount(); row++) {
                    if (expected.isText(column)) {
                        int code = actual.codes(column).code(row);
                        assertEquals(expected.codes(column).code(row), code, where + " row " + row);
                    } else {
                        assertEquals(Double.doubleToLongBits(expected.numbers(column).get(row)),
                                Double.doubleToLongBits(actual.numbers(column).get(row)), where + " row " + row);
                    }
                }
                if (expected.isText(column)) {
                    assertEquals(expected.codes(column).levels(), actual.codes(column).levels(), where);
                }
            }
        }
        assertEquals(6, children, "the sample's six child tables");
        assertEquals(tablesaw.checks().orphans(), compact.orphans());
        assertEquals(tablesaw.checks().notes(), compact.notes());
    }
}
