/**
 * A local JSON API over a dataset and a model, for other systems (the dashboard calls the engine
 * directly). JDK HTTP server, bound to 127.0.0.1 unless told otherwise, JSON errors without stack
 * traces, request bodies limited in size.
 */
package com.pretadepenser.creditdesk.api;
