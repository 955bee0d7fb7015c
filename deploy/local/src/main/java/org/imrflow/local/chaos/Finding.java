package org.imrflow.local.chaos;

/**
 * One thing wrong with one case.
 *
 * @param claimNumber the workload's case, by the claim number it submitted
 * @param kind        LOST (it did not reach its letter, or a step of it never happened) or DUPLICATED (a step
 *                    happened twice)
 * @param what        what exactly, with case numbers and event ids
 * @param at          when it went wrong, as near as the evidence tells (epoch ms), 0 if unknown
 * @param nearKill    the kill -9 that it most likely followed, or "no kill nearby"
 */
public record Finding(String claimNumber, Kind kind, String what, long at, String nearKill) {
    public enum Kind { LOST, DUPLICATED }
}
