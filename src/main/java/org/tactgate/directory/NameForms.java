package org.tactgate.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms text uses for a name. A person ("Pauline Bailey", "Priya &amp; Arjun Mehta"): the full
 * name, each first name, the surname, "the Baileys", "Mr/Mrs/Ms/Dr Bailey". A company ("Bailey
 * Events Ltd"): the name, the name without its legal suffix, and its first word when distinctive.
 * A domain ("bailey-events.example"): its stem ("bailey events", "bailey-events").
 */
public final class NameForms {
    private static final Set<String> COMPANY_WORDS = Set.of("ltd", "limited", "plc", "llp", "llc", "inc", "corp",
            "corporation", "gmbh", "ag", "as", "sa", "bv", "nv", "co", "company", "group", "holdings", "partners",
            "associates", "systems", "consulting", "services", "solutions", "club", "events", "shipping", "pharma",
            "data", "bank", "trust", "foundation", "university", "school", "council", "agency", "media", "studio",
            "hotels", "travel", "logistics", "capital", "industries", "international", "technologies", "labs");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx");
    private static final Set<String> GENERIC_DOMAIN_STEMS = Set.of("mail", "mailbox", "inbox", "gmail", "yahoo",
            "hotmail", "outlook", "aol", "icloud", "webpost", "homemail", "postbox", "web", "post", "email", "example");

    /** Between two people in one display name: "Priya & Arjun Mehta", "Tom and Ann". */
    private static final Pattern PEOPLE_SEPARATOR = Pattern.compile("\\s*(&|\\band\\b|/|\\+)\\s*");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[\\s,]+");

    private NameForms() {
    }

    public static boolean isCompany(String name) {
        for (String w : words(name)) {
            if (COMPANY_WORDS.contains(w.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return true;
            }
        }
        return false;
    }

    /** Forms of a customer's listed name (person or company). */
    public static List<String> of(String name) {
        String clean = name.strip();
        if (clean.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(clean);
        if (isCompany(clean)) {
            List<String> w = new ArrayList<>(words(clean));
            while (w.size() > 1 && isLegalSuffix(w.get(w.size() - 1))) {
                w.remove(w.size() - 1);
            }
            out.add(String.join(" ", w));
            if (w.get(0).length() >= 4 && Character.isUpperCase(w.get(0).charAt(0))) {
                out.add(w.get(0));
            }
        } else {
            out.addAll(personForms(clean));
        }
        return List.copyOf(out);
    }

    /** Shared and role mailboxes: their local part names a function, not a person. */
    private static final Set<String> ROLE_MAILBOXES = Set.of("info", "sales", "support", "admin", "office", "hello",
            "contact", "team", "help", "billing", "accounts", "accounting", "bookings", "booking", "reservations",
            "events", "enquiries", "inquiries", "service", "customerservice", "orders", "invoices", "finance", "hr",
            "jobs", "careers", "press", "media", "marketing", "noreply", "no-reply", "donotreply", "postmaster",
            "webmaster", "mail", "email", "reception", "frontdesk", "legal", "purchasing", "procurement", "ops");
    private static final Pattern MAILBOX_NAME = Pattern.compile("([a-z]{2,})(?:[._-]([a-z]{2,}))?");

    /**
     * The name a mailbox spells when a message gives no display name ({@code bob@} → "Bob",
     * {@code pauline.bailey@} → "Pauline Bailey"): staff write about "Bob" whether or not his mail
     * client sent a display name. Role mailboxes, digits and initials-only parts give nothing.
     */
    public static java.util.Optional<String> nameFromMailbox(String email) {
        int at = email.indexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
        var m = MAILBOX_NAME.matcher(local);
        if (!m.matches() || ROLE_MAILBOXES.contains(local) || ROLE_MAILBOXES.contains(m.group(1))) {
            return java.util.Optional.empty();
        }
        String first = capitalise(m.group(1));
        if (m.group(2) == null) {
            return first.length() >= 3 ? java.util.Optional.of(first) : java.util.Optional.empty();
        }
        return java.util.Optional.of(first + " " + capitalise(m.group(2)));
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Forms of a person's name, also used for display names in a message. */
    public static List<String> personForms(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String person : PEOPLE_SEPARATOR.split(name)) {
            List<String> w = new ArrayList<>();
            for (String word : words(person)) {
                if (!TITLES.contains(word.toLowerCase(Locale.ROOT).replace(".", "")) && word.length() > 1) {
                    w.add(word);
                }
            }
            if (w.isEmpty()) {
                continue;
            }
            if (w.size() >= 2) {
                out.add(String.join(" ", w));
            }
            if (Character.isUpperCase(w.get(0).charAt(0))) {
                out.add(w.get(0));
            }
            if (w.size() >= 2) {
                String surname = w.get(w.size() - 1);
                out.add(surname);
                out.add("the " + surname + (surname.endsWith("s") ? "es" : "s"));
                for (String t : List.of("Mr", "Mrs", "Ms", "Miss", "Dr")) {
                    out.add(t + " " + surname);
                }
            }
        }
        // "Priya & Arjun Mehta": the shared surname belongs to both
        List<String> all = words(name);
        if (all.size() >= 3 && name.contains("&")) {
            String surname = all.get(all.size() - 1);
            out.add("the " + surname + (surname.endsWith("s") ? "es" : "s"));
        }
        return List.copyOf(out);
    }

    /** Stems of a company domain; empty for webmail-like domains that say nothing about the customer. */
    public static List<String> domainStems(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        int dot = d.indexOf('.');
        String stem = dot < 0 ? d : d.substring(0, dot);
        if (stem.length() < 4 || GENERIC_DOMAIN_STEMS.contains(stem)) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(stem);
        if (stem.contains("-")) {
            out.add(stem.replace('-', ' '));
        }
        return List.copyOf(out);
    }

    private static boolean isLegalSuffix(String word) {
        return Set.of("ltd", "limited", "plc", "llp", "llc", "inc", "corp", "gmbh", "ag", "as", "sa", "bv", "nv", "co")
                .contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : WORD_SEPARATOR.split(text.strip())) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
