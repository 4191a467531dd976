package org.tactgate.inspect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tactgate.directory.Customer;
import org.tactgate.directory.Directory;
import org.tactgate.directory.NameForms;
import org.tactgate.directory.Party;
import org.tactgate.directory.Reference;
import org.tactgate.mime.Address;
import org.tactgate.mime.ParsedMessage;
import org.tactgate.mime.TextBlock;
import org.tactgate.message.Envelope;
import org.tactgate.inspect.model.ReaderModel;

/**
 * Everything the detectors read about one message, computed once: who each recipient is, which
 * blocks are scored, and every scored sentence with its customer references. Immutable once
 * built; detectors only read it.
 *
 * <p>Scored blocks: the subject, the author's text and text attachments always; quoted history
 * only when it was written by a colleague and now travels to a customer (quoted words of the
 * customer themselves, or of unknown authors, are theirs, not ours).
 */
public final class MessageView {
    private final ParsedMessage message;
    private final Lexicon lexicon;
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final List<Party> to = new ArrayList<>();
    private final List<Party> hidden = new ArrayList<>();
    private final List<SentenceView> sentences = new ArrayList<>();
    private final List<Address> ccCustomers = new ArrayList<>();
    private final Optional<LearnedReader> reader;
    private Map<SentenceView, ReaderModel.Scores> reading;
    private Set<String> headerNameWords;
    private Set<String> surnamesSeen;

    MessageView(ParsedMessage message, Envelope envelope, Directory directory,
                PhraseMatcher<Customer> directoryNames, Lexicon lexicon) {
        this(message, envelope, directory, directoryNames, lexicon, Optional.empty());
    }

    MessageView(ParsedMessage message, Envelope envelope, Directory directory,
                PhraseMatcher<Customer> directoryNames, Lexicon lexicon, Optional<LearnedReader> reader) {
        this.message = message;
        this.lexicon = lexicon;
        this.reader = reader;
        Set<String> visible = new LinkedHashSet<>();
        for (Address a : message.to()) {
            to.add(party(directory, a.email()));
            visible.add(a.email());
        }
        List<Address> notTo = new ArrayList<>(message.cc());
        notTo.addAll(message.bcc());
        for (Address a : notTo) {
            Party p = party(directory, a.email());
            hidden.add(p);
            if (p.isCustomer() && !visible.contains(a.email())) {
                ccCustomers.add(a);
            }
            visible.add(a.email());
        }
        for (String rcpt : envelope.recipients()) {
            String r = rcpt.toLowerCase(Locale.ROOT);
            if (visible.add(r)) {
                Party p = party(directory, r);
                hidden.add(p);
                if (p.isCustomer()) {
                    ccCustomers.add(new Address(r, ""));
                }
            }
        }
        message.from().ifPresent(a -> party(directory, a.email()));
        analyse(directory, directoryNames);
    }

    private Party party(Directory directory, String email) {
        return parties.computeIfAbsent(email, directory::classify);
    }

    private void analyse(Directory directory, PhraseMatcher<Customer> directoryNames) {
        List<Reference> refs = new ArrayList<>();
        Set<String> others = new LinkedHashSet<>();
        for (Address a : everyone()) {
            Party p = party(directory, a.email());
            if (p.isCustomer()) {
                Customer c = p.customer().orElseThrow();
                if (!a.displayName().isBlank()) {
                    List<String> forms = NameForms.isCompany(a.displayName())
                            ? NameForms.of(a.displayName()) : NameForms.personForms(a.displayName());
                    forms.forEach(f -> refs.add(new Reference(f, c, true)));
                } else {
                    NameForms.nameFromMailbox(a.email()).ifPresent(name ->
                            NameForms.personForms(name).forEach(f -> refs.add(new Reference(f, c, true))));
                }
                if (c.domains().isEmpty()) {
                    NameForms.domainStems(a.domain()).forEach(f -> refs.add(new Reference(f, c, false)));
                }
            } else if (!a.displayName().isBlank()) {
                others.addAll(NameForms.personForms(a.displayName()));
            }
        }
        // listed customers' names are matched before epithets are looked for; the names in the
        // headers and attributions may be anyone's (colleagues, contacts), so none is an epithet
        TargetFinder finder = new TargetFinder(directoryNames, refs, List.copyOf(others), directory.partnerNames(), lexicon,
                this::headerNameWords);
        boolean travels = travelsToCustomer();
        Optional<Customer> reader = soleCustomerReader();
        Optional<Customer> copied = copiedCustomerTalkedAbout();
        // an epithet in mail to one customer, or about one copied, most likely means that customer
        Optional<Customer> epithet = copied.isPresent() ? copied : reader;
        for (int index = 0; index < message.blocks().size(); index++) {
            TextBlock block = message.blocks().get(index);
            if (!scored(block, directory, travels)) {
                continue;
            }
            // colleagues' history now sent to one customer: an unexplained "he"/"she" there is most
            // likely the reader the mail is going to; and in a mail To colleagues with a customer
            // copied, an unexplained "they" or "the client" most likely means the copied customer
            if (block.kind() == TextBlock.Kind.QUOTED) {
                finder.newBlock(casual(block.text()), reader, false, epithet);
            } else if (block.kind() == TextBlock.Kind.AUTHOR && copied.isPresent()) {
                finder.newBlock(casual(block.text()), copied, true);
            } else {
                finder.newBlock(casual(block.text()), Optional.empty(), false, epithet);
            }
            if (block.kind() == TextBlock.Kind.SUBJECT) {
                finder.titleCased();
            }
            boolean[] other = new boolean[1];
            for (var s : block.sentences()) {
                Tokens tokens = Tokens.of(s.text());
                PhraseHits hits = lexicon.scan(tokens);
                List<Target> targets = finder.next(s.text(), tokens, hits, other);
                String lower = Contractions.restore(s.text().toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\''));
                sentences.add(new SentenceView(block, index, s, tokens, lower, hits, lexicon.literals(lower), targets, other[0]));
            }
        }
    }

    /**
     * Words the text uses as a surname after a given name ("Alan Blinder", "Hans Jürgensen"),
     * folded: an honorific before one of them ("Mr Blinder") is a real name, wherever in the
     * message it stands. Read on first use, which only an epithet asks for.
     */
    Set<String> surnamesSeen() {
        if (surnamesSeen == null) {
            Set<String> out = new HashSet<>();
            for (SentenceView s : sentences) {
                Tokens t = s.tokens();
                for (int i = 1; i < t.size(); i++) {
                    if (t.capitalised(i) && t.capitalised(i - 1) && CommonWords.givenName(Nicknames.fold(t.word(i - 1)))) {
                        out.add(Nicknames.fold(t.word(i)));
                    }
                }
            }
            surnamesSeen = Set.copyOf(out);
        }
        return surnamesSeen;
    }

    /**
     * The customer a mail To colleagues only is presumed to talk about: the first one copied
     * (Cc/Bcc). Empty when the mail goes To a customer or copies none.
     */
    private Optional<Customer> copiedCustomerTalkedAbout() {
        if (!addressedToColleaguesOnly()) {
            return Optional.empty();
        }
        for (Address a : ccCustomers) {
            Optional<Customer> c = customerOf(a);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The one customer the mail is addressed To, when there is exactly one. */
    private Optional<Customer> soleCustomerReader() {
        Set<Customer> readers = new LinkedHashSet<>();
        to.forEach(p -> p.customer().ifPresent(readers::add));
        return readers.size() == 1 ? Optional.of(readers.iterator().next()) : Optional.empty();
    }

    /** Written without a single title-case word ("ok so gunther wants another 20% off"). */
    private static boolean casual(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (Character.isUpperCase(text.charAt(i)) && Character.isLowerCase(text.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean scored(TextBlock block, Directory directory, boolean travels) {
        return switch (block.kind()) {
            case SUBJECT, AUTHOR, ATTACHMENT -> true;
            case SIGNATURE -> false;
            // history without an address in its attribution ("From: Karthik Subramaniam", as Outlook
            // writes colleagues from the same Exchange) is presumed a colleague's when a colleague sends it
            case QUOTED -> travels && block.author().map(a -> party(directory, a.email()).isInternal())
                    .orElseGet(() -> message.from().map(f -> party(directory, f.email()).isInternal()).orElse(false));
        };
    }

    /**
     * What the learned reader said of the sentences it read, computed on first use (detectors run
     * one after another on one thread); empty when the reader is off.
     */
    Map<SentenceView, ReaderModel.Scores> reading() {
        if (reading == null) {
            reading = reader.map(r -> r.read(this)).orElse(Map.of());
        }
        return reading;
    }

    /** The learned reader, when it is on. */
    Optional<LearnedReader> reader() {
        return reader;
    }

    public ParsedMessage message() {
        return message;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Scored sentences in message order. */
    public List<SentenceView> sentences() {
        return sentences;
    }

    /** True when any recipient (To, Cc, Bcc, envelope) is a customer. */
    public boolean travelsToCustomer() {
        return to.stream().anyMatch(Party::isCustomer) || hidden.stream().anyMatch(Party::isCustomer);
    }

    /** True when a To recipient is a customer. */
    public boolean addressedToCustomer() {
        return to.stream().anyMatch(Party::isCustomer);
    }

    /** True when every To recipient is a colleague (and there is at least one). */
    public boolean addressedToColleaguesOnly() {
        return !to.isEmpty() && to.stream().allMatch(Party::isInternal);
    }

    /** Customers on Cc, Bcc or only in the envelope (not in To). */
    public List<Address> copiedCustomers() {
        return List.copyOf(ccCustomers);
    }

    /**
     * Every address the message names: its headers and the authors of its quoted turns. A set:
     * quoted turns repeat the same authors, and each needs its name forms only once.
     */
    private Set<Address> everyone() {
        Set<Address> everyone = new LinkedHashSet<>(message.to());
        everyone.addAll(message.cc());
        everyone.addAll(message.bcc());
        message.from().ifPresent(everyone::add);
        message.blocks().forEach(b -> b.author().ifPresent(everyone::add));
        return everyone;
    }

    /**
     * Every word of every display name in the message's headers and its quoted attribution lines,
     * folded as {@link Nicknames} folds them: the people the mail itself names.
     */
    Set<String> headerNameWords() {
        if (headerNameWords != null) {
            return headerNameWords;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Address a : everyone()) {
            for (String w : a.displayName().split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) {
                    out.add(Nicknames.fold(w));
                }
            }
        }
        headerNameWords = java.util.Collections.unmodifiableSet(out);
        return headerNameWords;
    }

    /** The customers among the recipients (To, Cc, Bcc, envelope): who will read this mail. */
    public Set<Customer> readingCustomers() {
        Set<Customer> out = new LinkedHashSet<>();
        to.forEach(p -> p.customer().ifPresent(out::add));
        hidden.forEach(p -> p.customer().ifPresent(out::add));
        return out;
    }

    public Optional<Customer> customerOf(Address address) {
        Party p = parties.get(address.email());
        return p == null ? Optional.empty() : p.customer();
    }
}
