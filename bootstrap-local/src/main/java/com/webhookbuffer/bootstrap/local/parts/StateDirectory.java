package com.webhookbuffer.bootstrap.local.parts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * {@code LOCAL_STATE_DIR}: what the stack keeps between runs (every queued body, the database, its password, the
 * signing secret). Private to its owner: the folder is {@code 0700} and every file the stack writes in it is
 * {@code 0600} from the moment it exists, never created open and tightened after.
 */
public final class StateDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Locked by the stack that runs on this folder, and naming its process. */
    static final String CLAIM_FILE = "stack.lock";

    private final Path root;

    private StateDirectory(Path root) {
        this.root = root;
    }

    /** The folder, created owner-only, or made so if it exists with wider permissions. */
    public static StateDirectory open(Path root) {
        try {
            if (Files.notExists(root)) {
                Files.createDirectories(root.toAbsolutePath().getParent());
                try {
                    Files.createDirectory(
                            root,
                            isPosix(root.toAbsolutePath().getParent())
                                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)}
                                    : new FileAttribute<?>[0]);
                } catch (FileAlreadyExistsException raced) {
                    // Another start created it first: tightened below like any existing folder.
                }
            }
            if (isPosix(root) && !Files.getPosixFilePermissions(root).equals(OWNER_ONLY_FOLDER)) {
                Files.setPosixFilePermissions(root, OWNER_ONLY_FOLDER);
            }
            return new StateDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("the state folder " + root + " (LOCAL_STATE_DIR) could not be created", e);
        }
    }

    Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    /** Replaces (or creates) a file with this text; readers see the old or the new text, never a part. */
    public Path writePrivate(String name, String text) {
        Path file = root.resolve(name);
        Path partial = root.resolve(name + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (SeekableByteChannel out = Files.newByteChannel(
                    partial, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileAttributes())) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be written", e);
        }
    }

    /** The text of a file kept here, if there is one. */
    public Optional<String> read(String name) {
        Path file = root.resolve(name);
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be read", e);
        }
    }

    /**
     * Creates an empty owner-only file for a library that then opens it (H2 takes an empty file as a new store),
     * so that what it writes is private from the first byte. An existing file is left as it is.
     */
    public Path precreatePrivate(String name) {
        Path file = root.resolve(name);
        try {
            Files.createFile(file, fileAttributes());
        } catch (FileAlreadyExistsException exists) {
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be created", e);
        }
        return file;
    }

    /**
     * Claims the folder for one running stack until the claim is closed, or refuses: two stacks on one folder would
     * share a database and a queue store, and the second would take the first one's PostgreSQL for one left over
     * by a killed stack. The claim is an operating-system lock on {@link #CLAIM_FILE}, so a stack killed with
     * {@code kill -9} leaves none behind.
     */
    public Claim claimForStack() {
        Path file = precreatePrivate(CLAIM_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " could not be opened", e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = read(CLAIM_FILE)
                        .filter(text -> !text.isEmpty())
                        .map(text -> " (" + text + ")")
                        .orElse("");
                throw new IllegalStateException("the state folder " + root + " (" + LocalSettings.LOCAL_STATE_DIR
                        + ") is in use by another running stack" + holder + "; stop that one first, or give this one "
                        + "a " + LocalSettings.LOCAL_STATE_DIR + " of its own");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(
                    "pid " + ProcessHandle.current().pid() + "\n"));
            return new Claim(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(file + " could not be locked", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Null when another process, or another stack in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
    }

    /** A running stack's hold on the folder; closing the channel releases the lock. */
    record Claim(FileChannel channel) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private boolean isPosix() {
        return isPosix(root);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private FileAttribute<?>[] fileAttributes() {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }
}
