import ReputaCLI

await ReputaMain.main()
