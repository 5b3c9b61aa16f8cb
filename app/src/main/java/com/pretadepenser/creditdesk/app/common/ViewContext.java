package com.pretadepenser.creditdesk.app.common;

import com.pretadepenser.creditdesk.app.theme.Theme;
import javafx.beans.property.ObjectProperty;

/** What every view needs besides its ViewModel: the texts and the current theme. */
public record ViewContext(I18n i18n, ObjectProperty<Theme> theme) {
}
