package dev.herald.api;

import dev.herald.api.auth.AuthFeature;
import dev.herald.api.caller.CallerResource;
import dev.herald.api.common.BodyLimitFilter;
import dev.herald.api.common.CommitErrorMapper;
import dev.herald.api.common.ErrorMapper;
import dev.herald.api.common.EventStreamHeadFilter;
import dev.herald.api.common.JsonWriter;
import dev.herald.api.common.NoOptionsFilter;
import dev.herald.api.common.RequestShapeFilter;
import dev.herald.api.common.ResponseHeadersFilter;
import dev.herald.api.common.StoppingFilter;
import dev.herald.api.common.StrictTextReader;
import dev.herald.api.device.DeviceResource;
import dev.herald.api.health.HealthResource;
import dev.herald.api.inbox.InboxResource;
import dev.herald.api.integration.IntegrationKeyResource;
import dev.herald.api.member.MemberResource;
import dev.herald.api.metrics.MetricsResource;
import dev.herald.api.metrics.RequestMetricsFilter;
import dev.herald.api.metrics.RouteFeature;
import dev.herald.api.notification.NotificationResource;
import dev.herald.api.openapi.OpenApiResource;
import dev.herald.api.organization.OrganizationResource;
import dev.herald.api.pushapi.PushApiErrors;
import dev.herald.api.pushapi.PushApiResource;
import dev.herald.api.solution.SolutionResource;
import dev.herald.api.token.TokenResource;
import dev.herald.api.webhook.WebhookReceiverResource;
import dev.herald.api.webhook.WebhookResource;
import java.util.Set;

/**
 * Herald's REST API as a list of JAX-RS classes, for a host whose {@code Application} lists its
 * classes instead of scanning: add these to yours and Herald's API is served under your
 * application's path ({@code …/v2.0/tool/…}, the inbound webhooks' {@code …/v2.0/webhooks/…}, the
 * health checks' {@code …/v2.0/health/…} and the metrics' {@code …/v2.0/metrics}). Herald's
 * providers among them act only on those paths (docs/adr/0011). A host that scans needs nothing: it
 * finds them.
 */
public final class HeraldApi {

  private HeraldApi() {}

  /** The resources and the providers they need, together: never one without the other. */
  public static Set<Class<?>> classes() {
    return Set.of(
        CallerResource.class,
        HealthResource.class,
        OpenApiResource.class,
        MetricsResource.class,
        OrganizationResource.class,
        MemberResource.class,
        SolutionResource.class,
        TokenResource.class,
        DeviceResource.class,
        NotificationResource.class,
        InboxResource.class,
        IntegrationKeyResource.class,
        PushApiResource.class,
        PushApiErrors.class,
        WebhookResource.class,
        WebhookReceiverResource.class,
        AuthFeature.class,
        RouteFeature.class,
        RequestMetricsFilter.class,
        RequestShapeFilter.class,
        NoOptionsFilter.class,
        BodyLimitFilter.class,
        StoppingFilter.class,
        EventStreamHeadFilter.class,
        ResponseHeadersFilter.class,
        StrictTextReader.class,
        JsonWriter.class,
        ErrorMapper.class,
        CommitErrorMapper.class);
  }
}
