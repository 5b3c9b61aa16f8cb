/**
 * What every JFreeChart chart shares: the theme's colours and readable fonts.
 */
package com.pretadepenser.creditdesk.app.charts;
