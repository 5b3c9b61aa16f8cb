/** Small, exact statistics shared by the generator's fidelity report and model evaluation: ROC AUC, Kolmogorov-Smirnov. */
package com.pretadepenser.creditdesk.engine.stats;
