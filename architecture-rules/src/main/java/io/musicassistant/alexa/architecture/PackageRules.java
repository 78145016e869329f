package io.musicassistant.alexa.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The package rules every module keeps, checked by one small architecture test per module:
 *
 * <ol>
 *   <li><b>No package cycles.</b> Every package of the module is a node; a dependency between two
 *       packages may run one way only. This is what "the wiring sits on top" means in practice: the
 *       package that wires everything imports the features, so no feature may import it back.
 *   <li><b>Floors stay floors.</b> The packages named as floors (shared envelopes, platform helpers)
 *       depend on no package of the module except other floors, so a floor can never start to know a
 *       feature.
 * </ol>
 *
 * <p>Only the module's own main classes are read (its {@code target/classes}): sibling modules whose
 * packages share the root are checked by their own test.
 */
public final class PackageRules {

    private final String root;
    private final List<String> floors = new ArrayList<>();

    private PackageRules(String root) {
        this.root = root;
    }

    /** Rules for the packages under {@code root} (the root package itself included). */
    public static PackageRules under(String root) {
        return new PackageRules(root);
    }

    /** Packages (relative to the root, e.g. {@code "platform"}; their subpackages too) that are floors. */
    public PackageRules floors(String... relativePackages) {
        for (String p : relativePackages) {
            floors.add(root + "." + p);
        }
        return this;
    }

    /** Checks this module's compiled main classes ({@code target/classes} of the working directory). */
    public void checkModule() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new AssertionError("no compiled classes at " + classes.toAbsolutePath());
        }
        check(new ClassFileImporter().importPath(classes));
    }

    /** Checks the given classes; throws an {@link AssertionError} that lists every violation. */
    public void check(JavaClasses classes) {
        if (classes.stream().noneMatch(this::inModule)) {
            throw new AssertionError("no classes under " + root + ": the rule would check nothing");
        }
        SlicesRuleDefinition.slices()
                .assignedFrom(packagesUnderRoot())
                .should()
                .beFreeOfCycles()
                .because("a dependency between two packages runs one way only")
                .check(classes);
        List<String> floorViolations = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!isFloor(c.getPackageName())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (inModule(target) && !isFloor(target.getPackageName())) {
                    floorViolations.add(d.getDescription());
                }
            }
        }
        if (!floorViolations.isEmpty()) {
            throw new AssertionError("floors " + floors + " must not depend on the packages above them:\n  "
                    + String.join("\n  ", new TreeSet<>(floorViolations)));
        }
    }

    private SliceAssignment packagesUnderRoot() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return inModule(javaClass) ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + root;
            }
        };
    }

    private boolean inModule(JavaClass c) {
        String p = c.getPackageName();
        return p.equals(root) || p.startsWith(root + ".");
    }

    private boolean isFloor(String pkg) {
        return floors.stream().anyMatch(f -> pkg.equals(f) || pkg.startsWith(f + "."));
    }
}
