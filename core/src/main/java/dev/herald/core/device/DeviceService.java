package dev.herald.core.device;

import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Registers and removes members' push tokens. */
@ApplicationScoped
@Transactional
public class DeviceService {

  @Inject @HeraldUnit EntityManager em;

  /**
   * Registers a token for a member. Each organization has its own row for a token: registering
   * never looks at, moves or reveals another organization's devices (docs/adr/0006). Within the
   * organization a known token moves to this member and becomes active again: the phone changed
   * hands (or was re-installed), and its previous member no longer gets pushes on it.
   */
  public Device register(String organizationId, UUID memberId, String platform, String token) {
    var errors = new ArrayList<FieldError>();
    var parsed = platform == null ? null : Platform.parse(platform).orElse(null);
    if (parsed == null) {
      errors.add(new FieldError("platform", "must be ios or android"));
    }
    if (token == null || token.isBlank()) {
      errors.add(new FieldError("token", "is required"));
    } else if (token.length() > 512) {
      errors.add(new FieldError("token", "must be at most 512 characters"));
    }
    InvalidRequestException.throwIfAny(errors);
    var now = Timestamps.now();
    var existing =
        em.createQuery(
                "select d from Device d"
                    + " where d.organizationId = :org and d.platform = :p and d.token = :t",
                Device.class)
            .setParameter("org", organizationId)
            .setParameter("p", parsed.wireName())
            .setParameter("t", token.trim())
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      existing.get().moveTo(memberId, now);
      return existing.get();
    }
    var device = new Device(organizationId, memberId, parsed, token.trim(), now);
    em.persist(device);
    return device;
  }

  /** Removes one of a member's devices. */
  public void remove(String organizationId, UUID memberId, UUID deviceId) {
    var device = deviceId == null ? null : em.find(Device.class, deviceId);
    if (device == null
        || !device.organizationId().equals(organizationId)
        || !device.memberId().equals(memberId)) {
      throw new NotFoundException("Device not found");
    }
    em.remove(device);
  }

  public List<Device> ofMember(String organizationId, UUID memberId) {
    return em.createQuery(
            "select d from Device d where d.organizationId = :org and d.memberId = :m"
                + " order by d.registeredAt desc, d.id",
            Device.class)
        .setParameter("org", organizationId)
        .setParameter("m", memberId)
        .getResultList();
  }
}
