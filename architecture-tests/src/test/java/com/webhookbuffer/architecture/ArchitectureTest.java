package com.webhookbuffer.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The hexagon's rules, every one of them, applied to every production class of every module (tests left out). */
@AnalyzeClasses(packages = HexagonRules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests HEXAGON = ArchTests.in(HexagonRules.class);
}
