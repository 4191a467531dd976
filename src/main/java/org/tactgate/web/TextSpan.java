package org.tactgate.web;

/** A run of message text, marked when it is evidence a detector fired on. */
public record TextSpan(String text, boolean marked) {
}
