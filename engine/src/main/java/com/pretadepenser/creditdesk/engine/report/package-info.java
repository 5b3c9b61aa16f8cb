/** The client's report: one or two A4 pages in PDF (PDFBox) that an officer hands to the applicant. */
package com.pretadepenser.creditdesk.engine.report;
