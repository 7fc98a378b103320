package dev.routeplan.planning.domain;

/** Goods-vehicle classes of the MV Act, s.2, as written in {@code fleet.csv}. */
public enum VehicleClass {
    /** Goods carriage above 12,000 kg GVW. */
    HGV,
    /** Goods carriage above 7,500 kg and up to 12,000 kg GVW. */
    MGV,
    /** Goods carriage up to 7,500 kg GVW, four or more wheels. */
    LGV,
    /** Three-wheeled light goods vehicle; the rule pack calls it LGV_3W. */
    THREE_WHEELER
}
