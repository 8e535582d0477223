package io.jenkins.plugins.devops.core.dora;

import java.util.Arrays;
import java.util.BitSet;

/** The raw counts of one service in one environment over one window, before they become figures. */
final class SeriesTally {
    int deployments;
    int successes;
    int changeFailures;
    int reworkDeclared;
    int reworkAfterFailure;
    /** Days with a successful deployment, as offsets from the window's first day. */
    final BitSet days = new BitSet();

    int[] leads = new int[16];
    int leadCount;
    int[] restores = new int[4];
    int restoreCount;
    int openFailures;
    long failedSeconds;

    void lead(int seconds) {
        if (leadCount == leads.length) {
            leads = Arrays.copyOf(leads, leadCount * 2);
        }
        leads[leadCount++] = seconds;
    }

    void restore(long seconds) {
        if (restoreCount == restores.length) {
            restores = Arrays.copyOf(restores, restoreCount * 2);
        }
        restores[restoreCount++] = (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /** Sorts the samples so that medians of one or many tallies can be found without copying. */
    void sort() {
        IntRadixSort.sort(leads, leadCount);
        IntRadixSort.sort(restores, restoreCount);
    }
}
