package dev.herald.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static final String KEY = "herald.test.settings.flag";
  private static final String IN_FILE = "herald.test.settings.from-file";

  @AfterEach
  void clear() {
    System.clearProperty(KEY);
    System.clearProperty(IN_FILE);
  }

  @Test
  void aSettingInTheApplicationsMicroProfileConfigIsReadAndASystemPropertyWins() {
    assertThat(Settings.get(IN_FILE)).contains("from the file");
    System.setProperty(IN_FILE, "from the command line");
    assertThat(Settings.get(IN_FILE)).contains("from the command line");
  }

  @Test
  void anUnsetSettingIsEmpty() {
    assertThat(Settings.get("herald.test.settings.nowhere")).isEmpty();
  }

  @Test
  void aSwitchIsTrueOrFalseInAnyCaseAndItsDefaultWhenUnset() {
    assertThat(Settings.getBoolean(KEY, true)).isTrue();
    System.setProperty(KEY, " FALSE ");
    assertThat(Settings.getBoolean(KEY, true)).isFalse();
    System.setProperty(KEY, "True");
    assertThat(Settings.getBoolean(KEY, false)).isTrue();
  }

  @Test
  void anythingElseStopsTheStartWithTheSettingsName() {
    System.setProperty(KEY, "no");

    assertThatThrownBy(() -> Settings.getBoolean(KEY, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Setting " + KEY + " is neither true nor false: no");
  }
}
