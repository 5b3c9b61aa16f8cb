package com.pretadepenser.creditdesk.app.client;

import com.pretadepenser.creditdesk.app.common.I18n;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The client card: a heading and the facts, in the current language. */
public final class ClientCardViewModel {
    private final I18n i18n;
    private final ObservableValue<LoadedClient> client;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ObservableList<ClientFacts.Fact> facts = FXCollections.observableArrayList();

    public ClientCardViewModel(I18n i18n, ObservableValue<LoadedClient> client) {
        this.i18n = i18n;
        this.client = client;
        client.addListener((obs, old, now) -> refresh());
        i18n.localeProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        LoadedClient shown = client.getValue();
        if (shown == null) {
            heading.set(i18n.get("card.none.loaded"));
            facts.clear();
            return;
        }
        heading.set(i18n.get("card.heading", String.valueOf(shown.id())));
        facts.setAll(ClientFacts.of(shown, i18n));
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ObservableList<ClientFacts.Fact> facts() {
        return facts;
    }
}
