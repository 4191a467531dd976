package org.tactgate.inspect;

/**
 * One thing a detector noticed, with the evidence a person needs to judge it.
 *
 * @param detector the detector's stable symbol, e.g. {@code disparagement}
 * @param score    0..1, how sure the detector is
 * @param part     where the evidence is: {@code subject}, {@code body}, {@code quoted}, {@code signature}, {@code message}
 * @param evidence the sentence (or header) that fired
 * @param reason   a short human reason
 */
public record Finding(String detector, double score, String part, String evidence, String reason) {
}
