/**
 * The decision tab: gauge with risk bands and threshold, decision and margin, reasons in sentences, the contributions waterfall (factors or features) and the model's global importance.
 */
package com.pretadepenser.creditdesk.app.decision;
