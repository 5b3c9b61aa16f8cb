/**
 * The new-application tab: a form for someone not in the dataset, checked field by field as it is typed, scored with no credit history.
 */
package com.pretadepenser.creditdesk.app.newapp;
