/**
 * The Home Credit layout: the typed schema of the seven Kaggle tables ({@link
 * com.pretadepenser.creditdesk.engine.data.HomeCreditSchema}), a strict but forgiving CSV reader
 * ({@link com.pretadepenser.creditdesk.engine.data.CsvTableReader}) and the local dataset, a
 * columnar binary copy that opens in well under a second
 * ({@link com.pretadepenser.creditdesk.engine.data.LocalDataset}).
 */
package com.pretadepenser.creditdesk.engine.data;
