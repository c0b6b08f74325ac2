package dev.wasmformer.runtime.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Metadata}'s settings and statistics as maps, and builders' entries by key. The
 * bundle stores them as lists of entries (a protobuf map would make a cold JVM build the
 * schema's descriptors while it loads); as with a map on the wire, a later entry of a key
 * replaces an earlier one.
 */
public final class MetadataEntries {
  private MetadataEntries() {}

  /** The settings by key, in bundle order. */
  public static Map<String, String> settings(Metadata metadata) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Setting s : metadata.getSettingsList()) map.put(s.getKey(), s.getValue());
    return Collections.unmodifiableMap(map);
  }

  /** The statistics by key, in bundle order. */
  public static Map<String, Long> statistics(Metadata metadata) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (Statistic s : metadata.getStatisticsList()) map.put(s.getKey(), s.getValue());
    return Collections.unmodifiableMap(map);
  }

  /** The statistic {@code key}, or {@code otherwise} if the bundle has none. */
  public static long statistic(Metadata metadata, String key, long otherwise) {
    return statistics(metadata).getOrDefault(key, otherwise);
  }

  /** Sets {@code key} to {@code value}, replacing an entry of the same key. */
  public static Metadata.Builder putSetting(Metadata.Builder metadata, String key, String value) {
    for (int i = 0; i < metadata.getSettingsCount(); i++) {
      if (metadata.getSettings(i).getKey().equals(key)) {
        return metadata.setSettings(i, Setting.newBuilder().setKey(key).setValue(value));
      }
    }
    return metadata.addSettings(Setting.newBuilder().setKey(key).setValue(value));
  }

  /** Sets {@code key} to {@code value}, replacing an entry of the same key. */
  public static Metadata.Builder putStatistic(Metadata.Builder metadata, String key, long value) {
    for (int i = 0; i < metadata.getStatisticsCount(); i++) {
      if (metadata.getStatistics(i).getKey().equals(key)) {
        return metadata.setStatistics(i, Statistic.newBuilder().setKey(key).setValue(value));
      }
    }
    return metadata.addStatistics(Statistic.newBuilder().setKey(key).setValue(value));
  }
}
