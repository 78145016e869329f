package io.musicassistant.alexa.deploy;

import io.musicassistant.alexa.stack.AlexaRegion;

/** One step of a deployment, in the order {@link Plan} lists them. */
sealed interface Step {

    String title();

    record Preflight() implements Step {
        public String title() {
            return "Checking prerequisites";
        }
    }

    /** @param skip whether {@code --skip-build} was given */
    record Build(boolean skip) implements Step {
        public String title() {
            return skip ? "Using the jars already built (--skip-build)" : "Building the Lambda jar and the CDK app";
        }
    }

    /** @param existingId the id a previous run saved, or null: then the skill is created */
    record CreateSkill(Skill skill, String existingId) implements Step {
        public String title() {
            return "Creating the " + skill.title();
        }
    }

    record FetchCredentials() implements Step {
        public String title() {
            return "Fetching the control skill's Alexa Skill Messaging credentials";
        }
    }

    record DeployStack(AlexaRegion region, String stackName) implements Step {
        public String title() {
            return "Deploying the AWS stack " + stackName + " in " + region.awsRegion() + " (Alexa " + region.name()
                    + ")";
        }
    }

    /** Manifest with endpoints and privacy URLs, icons, and the control skill's voice models. */
    record UpdateSkill(Skill skill) implements Step {
        public String title() {
            return "Updating the " + skill.title()
                    + (skill.voiceModels()
                            ? " (manifest with endpoints, icons, voice models)"
                            : " (manifest with endpoints, icons)");
        }
    }

    record LinkAccounts() implements Step {
        public String title() {
            return "Setting up account linking (Login with Amazon) for both skills";
        }
    }

    /**
     * The catalog build's SMAPI credentials into the stack's secret: the developer's consent (Login
     * with Amazon) unless the secret already holds it.
     *
     * @param renew {@code --reauthorize-catalogs}: ask again even then
     */
    record AuthorizeCatalogs(boolean renew) implements Step {
        public String title() {
            return "Giving the catalog build its SMAPI credentials (Login with Amazon consent into Secrets Manager)";
        }
    }

    record Finish() implements Step {
        public String title() {
            return "Reading the return URLs and listing what is left to do";
        }
    }
}
