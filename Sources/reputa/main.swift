import ReputaCLI

ReputaMain.main()
