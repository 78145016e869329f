package io.musicassistant.alexa.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One of the functions, all from the same jar, Java 21 on arm64. The three that answer requests
 * ({@link Spec#live}) run with SnapStart, so that a cold start is a snapshot restore: Alexa and API
 * Gateway call the alias {@code live}, which always points at the version published (and
 * snapshotted) by the last deploy. The catalog builder, a scheduled batch job, has neither: nobody
 * waits for its cold start, and its schedule calls the function itself, i.e. the code of the last
 * deploy. Each function has a role of its own that starts empty: only its log group and what
 * {@link #allow} adds.
 */
final class SkillFunction extends Construct {

    static final String ALIAS = "live";

    /**
     * What differs between them.
     *
     * @param live SnapStart and the alias {@code live} on a version published by each deploy (functions
     *     that answer callers); false: neither (the schedule invokes the function, {@code $LATEST})
     */
    record Spec(String name, String handler, int memoryMb, Duration timeout, String description, boolean live) {

        Spec(String name, String handler, int memoryMb, Duration timeout, String description) {
            this(name, handler, memoryMb, timeout, description, true);
        }
    }

    private final Function function;
    private final Alias alias;
    private final Role role;

    SkillFunction(
            Construct scope, String id, Spec spec, Settings settings, Code code, Map<String, String> environment) {
        super(scope, id);
        String name = settings.tablePrefix() + spec.name();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(settings.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(name + ": its log group, its tables and nothing else")
                .build();
        // The log group exists before the function runs, so creating it is not needed: streams and events only.
        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getLogGroupArn()));
        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(name)
                .description(spec.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(spec.handler())
                .code(code)
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .role(role)
                .logGroup(logs)
                .environment(environment);
        if (!spec.live()) {
            function = builder.build();
            alias = null;
            return;
        }
        function = builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS).build();
        alias = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "every deploy publishes a version (currentVersion) and the alias points at it");
    }

    /** Adds one statement to the function's role. */
    void allow(List<String> actions, List<String> resources) {
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resources)
                .build());
    }

    /** Adds one statement with conditions ({@code operator → key → values}) to the function's role. */
    void allow(List<String> actions, List<String> resources, Map<String, Object> conditions) {
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resources)
                .conditions(conditions)
                .build());
    }

    /** Lets Alexa call the alias for this skill id and no other ({@code EventSourceToken}). */
    void trustAlexa(String id, String principal, String skillId) {
        alias.addPermission(
                id,
                Permission.builder()
                        .principal(new ServicePrincipal(principal))
                        .action("lambda:InvokeFunction")
                        .eventSourceToken(skillId)
                        .build());
    }

    Function function() {
        return function;
    }

    /** The alias callers use; null for a function without one (not {@link Spec#live}). */
    Alias alias() {
        return alias;
    }

    Role role() {
        return role;
    }
}
