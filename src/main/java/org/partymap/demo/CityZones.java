package org.partymap.demo;

/**
 * Where the demo city is what: the old town (lanes, courtyard houses, old estates), the business
 * district, the industrial south-east, and how urban each place is (1 at the centre, falling to 0
 * at the ring roads). Read from {@code district.properties}; places in metres on the local plane.
 */
final class CityZones {

    private final double oldX;
    private final double oldY;
    private final double oldRx;
    private final double oldRy;
    private final double cbdX;
    private final double cbdY;
    private final double centreX;
    private final double centreY;
    private final double industryX;
    private final double industryY;

    CityZones(DemoInputs in) {
        oldX = in.number("old_town_x");
        oldY = in.number("old_town_y");
        oldRx = in.number("old_town_rx");
        oldRy = in.number("old_town_ry");
        cbdX = in.number("cbd_x");
        cbdY = in.number("cbd_y");
        centreX = in.number("centre_x");
        centreY = in.number("centre_y");
        industryX = in.number("industry_x");
        industryY = in.number("industry_y");
    }

    boolean oldTown(double x, double y) {
        double u = (x - oldX) / oldRx;
        double v = (y - oldY) / oldRy;
        return u * u + v * v <= 1;
    }

    /** 1 at the centre of town, 0 from 5.5 km out. */
    double urbanity(double x, double y) {
        double r = StrictMath.hypot(x - centreX, y - centreY);
        return Math.max(0, 1 - r / 5500);
    }

    /** Metres from the heart of the business district. */
    double fromCbd(double x, double y) {
        return StrictMath.hypot(x - cbdX, y - cbdY);
    }

    /** Metres from the heart of the industrial area. */
    double fromIndustry(double x, double y) {
        return StrictMath.hypot(x - industryX, y - industryY);
    }
}
