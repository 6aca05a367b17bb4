package org.fairshare.cli;

/** Entry point of {@code bin/fairshare} and of spark-submit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {}
}
