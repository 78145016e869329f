package io.musicassistant.alexa.deploy;

import java.io.IOException;
import java.util.Optional;

/**
 * The catalog build calls SMAPI as the developer: a Login-with-Amazon refresh token with the
 * catalog scopes, of the deploy's security profile (or SMAPI_CLIENT_ID's), and the vendor id, into
 * the stack's SMAPI secret. The ASK CLI's own token is not reused: it belongs to the CLI's
 * internal LWA client, whose use outside the CLI Amazon does not allow (docs/decisions.md, "Voice catalogs"). A
 * secret that already holds credentials of this client and vendor is kept, so the developer signs
 * in once per region and stage, not on every deploy.
 */
final class CatalogAuthorization {

    private final DeployConfig config;
    private final Host host;
    private final Runner runner;
    private final Redactor redactor;
    private final Progress progress;
    private final boolean dryRun;

    CatalogAuthorization(
            DeployConfig config, Host host, Runner runner, Redactor redactor, Progress progress, boolean dryRun) {
        this.config = config;
        this.host = host;
        this.runner = runner;
        this.redactor = redactor;
        this.progress = progress;
        this.dryRun = dryRun;
    }

    /** @param here the stack of the region deployed to, or null when none is known */
    void authorize(Step.AuthorizeCatalogs step, StackOutputs here) throws StepFailure, IOException {
        String region = config.region().awsRegion();
        String secretArn = here == null ? null : here.smapiSecretArn();
        if (secretArn == null || secretArn.isBlank()) {
            throw new StepFailure(
                    "the stack in " + region + " has no SmapiSecretArn output: it was deployed from code older"
                            + " than the catalog build; run the deploy again without --skip-build");
        }
        String clientId = config.catalogClientId();
        Secret clientSecret = config.catalogClientSecret();
        String vendorId = Preflight.vendorId(config, host).orElseGet(() -> {
            if (dryRun) {
                return "<vendor id of ASK profile " + config.askProfile() + ">";
            }
            throw new IllegalStateException("the ASK profile " + config.askProfile() + " names no vendor id");
        });
        SecretsManagerStore.Target target = new SecretsManagerStore.Target(region, secretArn, config.awsProfile());
        progress.detail("Secrets Manager GetSecretValue " + secretArn
                + " (from this JVM, with the AWS credentials of the stack)");
        Optional<SmapiCredentials> stored = SmapiCredentials.parse(runner.readSecret(target));
        stored.ifPresent(s -> {
            redactor.add(s.clientSecret());
            redactor.add(s.refreshToken());
        });
        boolean sameGrant = stored.isPresent()
                && stored.get().clientId().equals(clientId)
                && stored.get().vendorId().equals(vendorId);
        Secret refreshToken;
        String source;
        if (config.smapiRefreshToken() != null) {
            refreshToken = config.smapiRefreshToken();
            source = "SMAPI_REFRESH_TOKEN";
        } else if (sameGrant && !step.renew()) {
            if (stored.get().clientSecret().value().equals(clientSecret.value())) {
                progress.ok("already authorized for client " + clientId + " and vendor " + vendorId + "; kept"
                        + " (--reauthorize-catalogs signs in again)");
                return;
            }
            refreshToken = stored.get().refreshToken();
            source = "the refresh token already there (the security profile's secret changed)";
        } else {
            LwaLogin.Grant grant = LwaLogin.Grant.of(clientId, clientSecret);
            progress.detail(
                    "Login with Amazon (authorization code) for " + LwaLogin.SCOPES + ": open this page in a browser,");
            progress.detail("sign in with the Amazon account of the developer account that owns the skills (vendor "
                    + vendorId + ") and allow access:");
            refreshToken = runner.authorize(grant, url -> {
                progress.detail("  " + url);
                progress.detail((dryRun ? "a real run waits here" : "waiting") + " up to " + LwaLogin.WAIT.toMinutes()
                        + " minutes for the redirect to " + grant.redirectUri() + " (an Allowed Return URL of client "
                        + clientId + ") …");
            });
            progress.detail(
                    "POST " + LwaLogin.TOKEN + " grant_type=authorization_code code=" + Redactor.MASK + " client_id="
                            + clientId + " client_secret=" + Redactor.MASK + " (from this JVM): the refresh token");
            source = "the sign-in";
        }
        redactor.add(refreshToken);
        SmapiCredentials credentials = new SmapiCredentials(clientId, clientSecret, refreshToken, vendorId);
        progress.detail("Secrets Manager PutSecretValue " + secretArn + " " + credentials.shown());
        runner.writeSecret(target, credentials.json());
        progress.ok("the catalog build calls SMAPI as vendor " + vendorId + " through client " + clientId
                + " (refresh token from " + source + "; it is kept only in the secret)");
    }
}
