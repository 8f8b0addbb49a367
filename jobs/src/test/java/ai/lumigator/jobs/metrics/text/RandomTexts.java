package ai.lumigator.jobs.metrics.text;

import java.util.Random;

/**
 * Seeded random texts for comparing a hand-written scanner with the regular expressions it
 * replaces: ASCII letters, digits, punctuation and whitespace mixed with accented letters,
 * combining marks, non-Latin scripts, Unicode spaces, case-changing specials and emoji.
 */
public final class RandomTexts {

  private static final String[] PIECES = {
    "a",
    "b",
    "Z",
    "x",
    "I",
    "K",
    "s",
    "t",
    "n",
    "0",
    "1",
    "9",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    ".",
    ",",
    "-",
    "'",
    "\"",
    "`",
    "!",
    "?",
    ":",
    ";",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "&",
    "*",
    "@",
    "#",
    "$",
    "%",
    "/",
    "\\",
    "^",
    "_",
    "~",
    "|",
    "+",
    "=",
    "..",
    "--",
    "''",
    "``",
    "n't",
    "'s",
    "'ll",
    "can",
    "not",
    "cannot",
    "gonna",
    "Wanna",
    "gotta",
    " 'tis",
    "d'ye",
    "Mr.",
    "U.S.",
    "e.g.",
    "3.5",
    "1,000",
    "&amp;",
    "&quot;",
    "&lt;",
    "&gt;",
    "<skipped>",
    "-\n",
    "é",
    "É",
    "ß",
    "İ",
    "ı",
    "\u212A",
    "ſ",
    "Σ",
    "σς",
    "ﬁ",
    "\u0301",
    "\u0308",
    "\u00A0",
    "\u2003",
    "\u3000",
    "\u200B",
    "\u0085",
    "日本",
    "語。",
    "Привет",
    "مرحبا",
    "ไทย",
    "😀",
    "👍🏽",
    "\uD835\uDC00",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    "„",
    "…",
    "\u0660",
    "٣",
    "½",
    "²"
  };

  private RandomTexts() {}

  /** A text of up to {@code maxPieces} random pieces. */
  public static String text(Random random, int maxPieces) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(maxPieces + 1);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        sb.append((char) random.nextInt(0x3000));
      } else {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }
}
