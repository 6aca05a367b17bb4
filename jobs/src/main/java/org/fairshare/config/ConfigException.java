package org.fairshare.config;

/** A configuration or usage problem; the message names the key and value and how to fix it. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
