package org.tactgate.directory;

/**
 * One way text can name a customer: "Pauline", "the Baileys", "Bailey Events", "baileyevents".
 *
 * @param caseSensitive names must be capitalised as written ("Grace" the person, not "grace")
 */
public record Reference(String phrase, Customer customer, boolean caseSensitive) {
}
