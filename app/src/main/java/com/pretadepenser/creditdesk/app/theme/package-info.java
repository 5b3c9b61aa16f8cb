/**
 * Light and dark appearance: stylesheets of looked-up colours, the same colours for charts and the gauge (Okabe-Ito, colour-blind safe), and style-class names.
 */
package com.pretadepenser.creditdesk.app.theme;
