package dev.herald.it.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An organization made for one test through the API: its members, each with an iOS device when the
 * test sends push, and the notifications it sends, each naming who should receive what.
 */
final class Tenant {

  final String path;
  final Client admin;

  /** Each member's e-mail address, and the token of its one iOS device (or none). */
  final Map<String, String> members = new LinkedHashMap<>();

  private Tenant(String path, Client admin) {
    this.path = path;
    this.admin = admin;
  }

  static Tenant create(URI node, String tag, int memberCount, boolean withIosDevices) {
    var system = new Client(Cluster.TOKEN);
    system.expect(
        201,
        system.post(
            node,
            "/v2.0/tool/organizations",
            "{\"id\":\"" + tag + "\",\"name\":\"fault test " + tag + "\"}",
            null));
    var tenant = new Tenant("/v2.0/tool/organizations/" + tag, system);
    var bulk = Json.createArrayBuilder();
    for (int i = 0; i < memberCount; i++) {
      bulk.add(Json.createObjectBuilder().add("email", "r%03d@%s.example".formatted(i, tag)));
    }
    var created =
        system.expect(
            201, system.post(node, tenant.path + "/members/bulk", bulk.build().toString(), null));
    int device = 0;
    for (var member : created.getJsonArray("items").getValuesAs(JsonObject.class)) {
      String token = null;
      if (withIosDevices) {
        token = "%08x%08x".formatted(tag.hashCode(), device++);
        var issued =
            system.expect(
                201,
                system.post(
                    node,
                    tenant.path + "/tokens",
                    "{\"memberId\":\"" + member.getString("id") + "\",\"role\":\"MEMBER\"}",
                    null));
        var own = system.as(issued.getString("token"));
        own.expect(
            201,
            own.post(
                node,
                tenant.path + "/devices",
                "{\"platform\":\"ios\",\"token\":\"" + token + "\"}",
                null));
      }
      tenant.members.put(member.getString("email"), token);
    }
    return tenant;
  }

  /** A USR notification to some members on some channels, and what each receiver should get. */
  record Notification(String marker, String json, List<Receivers.Key> expected) {}

  /**
   * The {@code index}-th notification of a test: to {@code perNotification} members taken in turn,
   * on {@code channels} ({@code email}, {@code push}).
   */
  Notification notification(String marker, int index, int perNotification, List<String> channels) {
    var emails = new ArrayList<>(members.keySet());
    var to = new ArrayList<String>();
    var expected = new ArrayList<Receivers.Key>();
    for (int i = 0; i < perNotification; i++) {
      var email = emails.get((index * perNotification + i) % emails.size());
      to.add(email);
      if (channels.contains("email")) {
        expected.add(new Receivers.Key("email", email, marker));
      }
      if (channels.contains("push") && members.get(email) != null) {
        expected.add(new Receivers.Key("ios", members.get(email), marker));
      }
    }
    var json =
        Json.createObjectBuilder()
            .add(
                "content",
                Json.createObjectBuilder()
                    .add("title", Receivers.title(marker))
                    .add("text", "Counted where it lands"))
            .add("scope", "USR")
            .add("emails", Json.createArrayBuilder(to))
            .add("channels", Json.createArrayBuilder(channels))
            .build()
            .toString();
    return new Notification(marker, json, expected);
  }
}
