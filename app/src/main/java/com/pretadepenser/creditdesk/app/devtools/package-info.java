/**
 * The developer's tools of the dashboard, not part of the product: screenshots of every screen
 * ({@code --screenshots DIR}), the screen-speed benchmark ({@code --bench}) and the bare window the
 * start time is compared with. Nothing outside this package refers to it by type: the dashboard
 * starts a tool by name when asked, and the installer's jar leaves the package out
 * (packaging/jpackage.sh).
 */
package com.pretadepenser.creditdesk.app.devtools;
