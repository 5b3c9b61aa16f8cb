/**
 * A dataset opened with a model ({@link com.pretadepenser.creditdesk.engine.session.Session}): the
 * one way the dashboard's workspace, the local API ({@code serve}) and the {@code explain} and
 * {@code report} commands open their data and model, and hold the scorer, the explainer, the
 * counterfactual search and the peer index built from them. Above every other engine layer it
 * uses; none uses it.
 */
package com.pretadepenser.creditdesk.engine.session;
