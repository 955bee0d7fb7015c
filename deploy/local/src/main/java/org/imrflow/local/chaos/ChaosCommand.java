package org.imrflow.local.chaos;

public final class ChaosCommand {
    public static void main(String[] args) {
    }
}
