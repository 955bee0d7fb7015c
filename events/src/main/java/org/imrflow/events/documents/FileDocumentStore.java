package org.imrflow.events.documents;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.CopyOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The local document store: one file per distinct content, named by its SHA-256 under
 * {@code imrflow.documents.directory} ({@code ab/cd/abcd…}). A file is written under a temporary name and then moved
 * into place, so a crash never leaves a half-written document under a hash. Hashing and file I/O run off the event
 * loop.
 */
@ApplicationScoped
@DefaultBean
public class FileDocumentStore implements DocumentStore {
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private final Vertx vertx;
    private final Path directory;

    FileDocumentStore(Vertx vertx, @ConfigProperty(name = "imrflow.documents.directory") Path directory) {
        this.vertx = vertx;
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public Uni<String> put(byte[] content) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> sha256(content))).chain(hash -> {
            Path target = pathOf(hash);
            String file = target.toString();
            return vertx.fileSystem().exists(file).chain(exists -> {
                if (exists) {
                    return Uni.createFrom().item(hash);
                }
                String temporary = target.resolveSibling(hash + "." + UUID.randomUUID() + ".part").toString();
                return vertx.fileSystem().mkdirs(target.getParent().toString())
                        .chain(() -> vertx.fileSystem().writeFile(temporary, Buffer.buffer(content)))
                        .chain(() -> vertx.fileSystem().move(temporary, file,
                                new CopyOptions().setAtomicMove(true).setReplaceExisting(true)))
                        .replaceWith(hash);
            });
        });
    }

    @Override
    public Uni<byte[]> get(String sha256) {
        if (!SHA_256.matcher(sha256).matches()) {
            return Uni.createFrom().failure(new UnknownDocumentException(sha256));
        }
        String file = pathOf(sha256).toString();
        return vertx.fileSystem().exists(file).chain(exists -> exists
                ? vertx.fileSystem().readFile(file).map(Buffer::getBytes)
                : Uni.createFrom().failure(new UnknownDocumentException(sha256)));
    }

    private Path pathOf(String sha256) {
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
