/**
 * CreditDesk engine: everything below the screen. Sub-packages by feature: {@code data} reads the
 * Home Credit layout and stores the local dataset, {@code synth} generates faithful synthetic
 * data, {@code cli} is the command line. The engine knows nothing of JavaFX.
 */
package com.pretadepenser.creditdesk.engine;
