package io.musicassistant.alexa.infrastructure;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * What a maintainer should hear about: a function failing (an unhandled error or a timeout: the
 * handlers answer bad input with Alexa errors, so any Errors count is a bug or an outage; a catalog
 * build that fails is one too), a function slow enough that Alexa gives up at 8 s (the catalog
 * builder: close to its 15-minute timeout), throttling, and the relay API failing. All go to one SNS
 * topic; mail when {@code alarmEmail} is set, anything else can subscribe to it.
 */
final class Alarms extends Construct {

    private static final Duration PERIOD = Duration.minutes(5);
    static final String METRIC_NAMESPACE = "MusicAssistantAlexa";
    /** The old deployment-wide registration cap, now a threshold to look at rather than a wall. */
    static final int REGISTRATION_SURGE_PER_HOUR = 2000;

    private final Topic topic;
    private final SnsAction action;

    Alarms(Construct scope, String id, Settings settings) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic")
                .topicName(settings.tablePrefix() + "alarms")
                .displayName("Music Assistant for Alexa alarms")
                .build();
        if (settings.alarmEmail() != null) {
            topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }
        action = new SnsAction(topic);
    }

    /** Errors, p99 duration above {@code slowMs}, and throttles of one function. */
    void watch(SkillFunction skill, String name, long slowMs) {
        var function = skill.function();
        alarm(
                name + "Errors",
                function.metricErrors(sum()),
                1,
                name + ": the function failed (unhandled error or timeout); see its log group");
        alarm(
                name + "Slow",
                function.metricDuration(
                        MetricOptions.builder().statistic("p99").period(PERIOD).build()),
                slowMs,
                name + ": p99 duration above " + slowMs + " ms"
                        + (slowMs < 10_000 ? "; Alexa gives up after 8 s" : "; close to the function's timeout"));
        alarm(
                name + "Throttles",
                function.metricThrottles(sum()),
                1,
                name + ": invocations throttled (account concurrency)");
    }

    /** Server errors of the relay API: connectors cannot heartbeat, fetch credentials or pair. */
    void watch(HttpApi api) {
        alarm("RelayApi5xx", api.metricServerError(sum()), 5, "relay API: 5 or more server errors in 5 minutes");
    }

    /**
     * Registrations per hour above what organic growth brings: registration has no deployment-wide
     * cap (one would let a few hundred addresses lock out every new home), so a surge is watched
     * instead; counted from the relay API's {@code home.registered} log lines.
     */
    void watchRegistrations(SkillFunction relay) {
        Metric registrations = MetricFilter.Builder.create(this, "Registrations")
                .logGroup(relay.function().getLogGroup())
                .filterPattern(FilterPattern.stringValue("$.msg", "=", "home.registered"))
                .metricNamespace(METRIC_NAMESPACE)
                .metricName("Registrations")
                .metricValue("1")
                .defaultValue(0)
                .build()
                .metric(MetricOptions.builder()
                        .statistic("Sum")
                        .period(Duration.hours(1))
                        .build());
        alarm(
                "RelayRegistrationSurge",
                registrations,
                REGISTRATION_SURGE_PER_HOUR,
                "relay API: " + REGISTRATION_SURGE_PER_HOUR
                        + " or more home registrations in an hour; a registration flood? (docs/security.md)");
    }

    Topic topic() {
        return topic;
    }

    private void alarm(String id, Metric metric, double threshold, String description) {
        Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(action);
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }
}
