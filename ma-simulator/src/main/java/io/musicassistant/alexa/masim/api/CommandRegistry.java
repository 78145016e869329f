package io.musicassistant.alexa.masim.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MA's {@code command_handlers}: command name → handler with its access rule. */
public final class CommandRegistry {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** All commands the simulator implements, for the given services. */
    public static CommandRegistry create(Services services) {
        CommandRegistry registry = new CommandRegistry();
        CoreCommands.register(registry, services);
        MusicCommands.register(registry, services);
        PlayerCommands.register(registry, services);
        QueueCommands.register(registry, services);
        ConfigCommands.register(registry, services);
        return registry;
    }

    void register(String name, Access access, Handler handler) {
        if (commands.putIfAbsent(name, new Command(name, access, handler)) != null) {
            throw new IllegalStateException("command registered twice: " + name);
        }
    }

    public Optional<Command> get(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Every registered command, in registration order (the README's "where is" table is checked against it). */
    public List<Command> commands() {
        return List.copyOf(commands.values());
    }

    public int size() {
        return commands.size();
    }
}
