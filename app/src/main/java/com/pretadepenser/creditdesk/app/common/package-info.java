/**
 * Parts every screen uses and that know no screen: texts in two languages ({@link com.pretadepenser.creditdesk.app.common.I18n}), background tasks and their executors, remembered settings, number reading, one-line messages for failures.
 */
package com.pretadepenser.creditdesk.app.common;
