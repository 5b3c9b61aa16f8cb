/**
 * An opened dataset and model with the engine objects the screens compute from, and where the shipped demo data and model are found.
 */
package com.pretadepenser.creditdesk.app.workspace;
