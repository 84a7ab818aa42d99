package dev.herald.provider.apns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Key material for tests, made fresh in a temporary directory: the mock server's TLS certificate
 * (openssl, since the JDK cannot issue certificates), an APNs .p8 signing key (JDK), and a .p12
 * client certificate for certificate authentication (openssl).
 */
record TestKeys(Path dir) {

  static final String P12_PASSWORD = "s3cret";

  static TestKeys create(Path dir) throws Exception {
    var keys = new TestKeys(dir);
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        keys.serverKey().toString(),
        "-out",
        keys.serverCertificate().toString());
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/UID=dev.herald.test/CN=Apple Push Services: dev.herald.test",
        "-keyout",
        dir.resolve("client-key.pem").toString(),
        "-out",
        keys.clientCertificate().toString());
    openssl(
        "pkcs12",
        "-export",
        "-inkey",
        dir.resolve("client-key.pem").toString(),
        "-in",
        keys.clientCertificate().toString(),
        "-out",
        keys.clientP12().toString(),
        "-passout",
        "pass:" + P12_PASSWORD);
    var generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
    Files.writeString(
        keys.signingKey(),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n");
    return keys;
  }

  Path serverCertificate() {
    return dir.resolve("server-cert.pem");
  }

  Path serverKey() {
    return dir.resolve("server-key.pem");
  }

  Path signingKey() {
    return dir.resolve("AuthKey_KEYID12345.p8");
  }

  Path clientCertificate() {
    return dir.resolve("client-cert.pem");
  }

  Path clientP12() {
    return dir.resolve("client.p12");
  }

  private static void openssl(String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add("openssl");
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("openssl " + args[0] + " failed: " + output);
    }
  }
}
