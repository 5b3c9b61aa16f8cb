/**
 * Form fields shared by the what-if and new-application screens: a number in human units with its
 * conversion to the Home Credit column and an inline message, and a choice among the model's levels.
 */
package com.pretadepenser.creditdesk.app.form;
