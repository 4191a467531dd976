package org.tactgate.store;

import org.junit.jupiter.api.BeforeEach;

/** The test fake keeps the same contract as the real stores (it has no storage to reopen). */
class InMemoryMessageStoreTest implements MessageStoreContract {
    private MessageStore store;

    @BeforeEach
    void openStore() {
        store = new InMemoryMessageStore();
    }

    @Override
    public MessageStore store() {
        return store;
    }

    @Override
    public MessageStore reopen() {
        return store;
    }
}
