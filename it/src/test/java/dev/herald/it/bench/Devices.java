package dev.herald.it.bench;

/**
 * The seeded members and devices, by index: member {@code i} has e-mail {@code m<i>@bench.example}
 * and one device, iOS when {@code i} is even and Android when odd, or iOS for all of them. The
 * receivers read the index back from the token, so that each device's pushes are counted without a
 * map of a million keys.
 *
 * @param count members seeded, one device each
 * @param allIos whether every device is an iPhone (issue 7's first target) rather than every other
 */
record Devices(int count, boolean allIos) {

  private static final String ANDROID_PREFIX = "android-";

  /** Names a run's results: the count, and "-ios" when every device is an iPhone. */
  String label() {
    return allIos ? count + "-ios" : Integer.toString(count);
  }

  static String email(int index) {
    return "m%07d@bench.example".formatted(index);
  }

  boolean isIos(int index) {
    return allIos || index % 2 == 0;
  }

  /** APNs tokens are hex (pushy strips anything else): the index, as 64 hex digits like Apple's. */
  static String iosToken(int index) {
    return "%064x".formatted(index);
  }

  static String androidToken(int index) {
    return ANDROID_PREFIX + index;
  }

  /** The index an APNs token stands for, or -1 when it is not one of the seeded devices'. */
  static int ofIosToken(String token) {
    try {
      return token.length() == 64 ? Integer.parseInt(token.substring(48), 16) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The index an FCM token stands for, or -1 when it is not one of the seeded devices'. */
  static int ofAndroidToken(String token) {
    if (!token.startsWith(ANDROID_PREFIX)) {
      return -1;
    }
    try {
      return Integer.parseInt(token.substring(ANDROID_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  int iosCount() {
    return allIos ? count : (count + 1) / 2;
  }

  int androidCount() {
    return count - iosCount();
  }
}
