package io.musicassistant.alexa.deploy;

import java.util.List;

/**
 * The steps of one run, from the configuration and what earlier runs left in the state. Every run
 * lists all of them, so the numbering is the same each time; a skill that exists is not created
 * again, and its step says so.
 */
record Plan(List<Step> steps) {

    Plan {
        steps = List.copyOf(steps);
    }

    static Plan of(Options options, DeployConfig config, DeployState state) {
        return new Plan(List.of(
                new Step.Preflight(),
                new Step.Build(options.skipBuild()),
                new Step.CreateSkill(Skill.MUSIC, state.musicSkillId()),
                new Step.CreateSkill(Skill.CONTROL, state.controlSkillId()),
                new Step.FetchCredentials(),
                new Step.DeployStack(config.region(), config.stackName()),
                new Step.UpdateSkill(Skill.MUSIC),
                new Step.UpdateSkill(Skill.CONTROL),
                new Step.LinkAccounts(),
                new Step.AuthorizeCatalogs(options.reauthorizeCatalogs()),
                new Step.Finish()));
    }

    /** The 1-based number of the first step of this kind, for placeholders such as "from step 3". */
    int numberOf(Class<? extends Step> kind, Skill skill) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean sameSkill = switch (step) {
                case Step.CreateSkill create -> skill == null || create.skill() == skill;
                case Step.UpdateSkill update -> skill == null || update.skill() == skill;
                default -> true;
            };
            if (kind.isInstance(step) && sameSkill) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no step " + kind.getSimpleName());
    }
}
